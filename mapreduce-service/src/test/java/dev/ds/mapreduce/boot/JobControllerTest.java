package dev.ds.mapreduce.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ds.mapreduce.app.Apps;
import dev.ds.mapreduce.coordinator.Coordinator;
import dev.ds.mapreduce.coordinator.CoordinatorSettings;
import dev.ds.mapreduce.storage.FileOutputs;
import dev.ds.mapreduce.storage.InputFiles;
import dev.ds.mapreduce.storage.PathRoots;
import dev.ds.rpc.Wire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/** The job API's contract, and its answers to bad input: 4xx problem+json with a {@code code}. */
@WebMvcTest
@ContextConfiguration(classes = JobControllerTest.Slice.class)
class JobControllerTest {

    @TempDir
    static Path dir;
    static Path input;
    static PathRoots roots;

    @BeforeAll
    static void input() throws IOException {
        input = Files.writeString(dir.resolve("in.txt"), "hello world\n");
        roots = new PathRoots("mapreduce.roots", List.of(dir.toString()));
    }

    /** Just the controllers and the core; the problem handling comes with every MVC slice. */
    @Configuration(proxyBeanMethods = false)
    @Import({JobController.class, CoordinatorInternalController.class})
    static class Slice {
        @Bean
        Coordinator coordinator() {
            return new Coordinator(new CoordinatorSettings(10, 10, 4, true, 3, 10),
                    Apps.load(getClass().getClassLoader()), new FileOutputs(roots), InstantSource.system(), "job-");
        }

        @Bean
        InputFiles inputFiles() {
            return new InputFiles(64 << 20, roots);
        }

        @Bean
        TaskLongPoll taskLongPoll(Coordinator coordinator) {
            return new TaskLongPoll(coordinator);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aJobIsCreatedAndCanBeReadBack() throws Exception {
        String body = "{\"app\": \"wordcount\", \"inputs\": [\"" + input + "\"], \"nReduce\": 2, \"outputDir\": \""
                + dir.resolve("out") + "\"}";
        mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/jobs/job-1")))
                .andExpect(jsonPath("$.id").value("job-1"))
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andExpect(jsonPath("$.phase").value("MAP"))
                .andExpect(jsonPath("$.map.total").value(1))
                .andExpect(jsonPath("$.reduce.total").value(2))
                .andExpect(jsonPath("$.tasks[0].kind").value("MAP"))
                .andExpect(jsonPath("$.tasks[0].state").value("IDLE"))
                .andExpect(jsonPath("$.tasks[0].worker").doesNotExist());
        String status = mvc.perform(get("/api/jobs/job-1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.app").value("wordcount")).andReturn().getResponse().getContentAsString();
        assertThat(Wire.mapper().readTree(status).propertyNames()).as("the contract's members, no others")
                .containsExactly("id", "app", "state", "phase", "map", "reduce", "tasks", "outputs", "error");
        mvc.perform(get("/api/jobs")).andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value("job-1"));
        mvc.perform(post("/internal/mapreduce/tasks/next").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"worker\": \"http://127.0.0.1:8401\", \"incarnation\": \"a\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.task.kind").value("MAP"))
                .andExpect(jsonPath("$.task.split.path").value(input.toString()));
        mvc.perform(get("/api/workers")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("http://127.0.0.1:8401"))
                .andExpect(jsonPath("$[0].state").value("ALIVE"))
                .andExpect(jsonPath("$[0].lastSeen").value(containsString("T")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"app\": \"nosuchapp\", \"inputs\": [\"IN\"], \"nReduce\": 1, \"outputDir\": \"OUT\"}|app: unknown app nosuchapp",
        "{\"app\": \"wordcount\", \"inputs\": [\"IN.missing\"], \"nReduce\": 1, \"outputDir\": \"OUT\"}|inputs: no such file: ",
        "{\"app\": \"wordcount\", \"inputs\": [\"/no/such/file\"], \"nReduce\": 1, \"outputDir\": \"OUT\"}|inputs: /no/such/file is outside the folders mapreduce.roots allows",
        "{\"app\": \"wordcount\", \"inputs\": [\"IN\"], \"nReduce\": 1, \"outputDir\": \"/\"}|outputDir: / is outside the folders mapreduce.roots allows",
        "{\"app\": \"wordcount\", \"inputs\": [\"IN\"], \"nReduce\": 0, \"outputDir\": \"OUT\"}|nReduce: must be at least 1, was 0",
        "{\"app\": \"wordcount\", \"inputs\": [\"IN\"], \"nReduce\": -3, \"outputDir\": \"OUT\"}|nReduce: must be at least 1",
        "{\"app\": \"wordcount\", \"inputs\": [\"IN\"], \"outputDir\": \"OUT\"}|nReduce: must be given",
        "{\"app\": \"wordcount\", \"inputs\": [], \"nReduce\": 1, \"outputDir\": \"OUT\"}|inputs: must list at least one",
        "{\"inputs\": [\"IN\"], \"nReduce\": 1, \"outputDir\": \"OUT\"}|app: must be given",
        "{\"app\": \"wordcount\", \"inputs\": [\"IN\"], \"nReduce\": 1}|outputDir: must be given",
        "{\"app\": \"wordcount\", \"inputs\": [\"IN\"], \"nReduce\": \"many\", \"outputDir\": \"OUT\"}|nReduce",
        "{\"app\": \"wordcount\", |malformed JSON",
    })
    void badSubmissionsAreBadRequestProblems(String body, String detail) throws Exception {
        String json = body.replace("IN", input.toString()).replace("OUT", dir.resolve("out").toString());
        mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ErrBadRequest"))
                .andExpect(jsonPath("$.detail").value(containsString(detail.trim())));
    }

    @Test
    void anUnknownJobIsNotFound() throws Exception {
        mvc.perform(get("/api/jobs/job-42"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ErrNotFound"))
                .andExpect(jsonPath("$.detail").value("no job job-42"));
    }

    @Test
    void aWorkerMessageWithoutIdentityIsABadRequest() throws Exception {
        mvc.perform(post("/internal/mapreduce/heartbeat").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("ErrBadRequest"))
                .andExpect(jsonPath("$.detail").value(containsString("worker: must be given")));
    }
}
