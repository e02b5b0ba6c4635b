package dev.ds.shardmaster.boot;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.ds.shardmaster.master.MasterCommand;
import dev.ds.rsm.runtime.ReplicaSettings;
import dev.ds.shardmaster.replica.ShardMasterReplica;
import java.time.Duration;
import org.junit.jupiter.api.Test;
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
import org.springframework.test.web.servlet.ResultActions;

/** The shard master's REST contract, and its answers to bad input: 400 ErrBadRequest, 404 ErrNotFound. */
@WebMvcTest
@ContextConfiguration(classes = ShardMasterControllerTest.Slice.class)
class ShardMasterControllerTest {

    /** The controller over one replica whose log decides at once; the problem handling comes with every MVC slice. */
    @Configuration(proxyBeanMethods = false)
    @Import(ShardMasterController.class)
    static class Slice {
        @Bean(destroyMethod = "close")
        ShardMasterReplica shardMasterReplica() {
            return new ShardMasterReplica(new InstantLog<MasterCommand>(), 10,
                    ReplicaSettings.alone("slice", "slice", Duration.ofSeconds(5), 100));
        }
    }

    @Autowired
    MockMvc mvc;

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post("/api/shardmaster/" + path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void joinMakesANewConfigurationAndQueriesFindIt() throws Exception {
        postJson("join", "{\"gid\": 7, \"servers\": [\"http://a:1\"], \"clientId\": \"c\", \"seq\": 1}")
                .andExpect(status().is2xxSuccessful());
        mvc.perform(get("/api/shardmaster/config"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.num").value(1))
                .andExpect(jsonPath("$.shards.length()").value(10))
                .andExpect(jsonPath("$.shards[0]").value(7))
                .andExpect(jsonPath("$.groups['7'][0]").value("http://a:1"));
        mvc.perform(get("/api/shardmaster/config/0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.num").value(0))
                .andExpect(jsonPath("$.shards[9]").value(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "join |{\"gid\": 0, \"servers\": [\"http://a:1\"]}  |gid: must be positive",
        "join |{\"gid\": -3, \"servers\": [\"http://a:1\"]} |gid: must be positive",
        "join |{\"gid\": 3, \"servers\": []}                |servers:",
        "join |{\"gid\": 3}                                 |servers:",
        "leave|{\"gid\": 0}                                 |gid: must be positive",
        "move |{\"shard\": 10, \"gid\": 1}                  |shard: must be in 0..9, was 10",
        "move |{\"shard\": -1, \"gid\": 1}                  |shard: must be >= 0",
        "move |{\"gid\": 1}                                 |shard: must be given",
        "move |{\"shard\": 1, \"gid\": 0}                   |gid: must be positive",
        "move |{\"shard\": 1, \"gid\": 99}                  |gid: 99 has not joined",
        "join |{\"gid\": 3, \"servers\": [\"x\"], \"seq\": 1}|seq: clientId and seq go together",
    })
    void badInputIsABadRequestProblem(String path, String body, String detail) throws Exception {
        postJson(path.trim(), body.trim())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ErrBadRequest"))
                .andExpect(jsonPath("$.detail").value(containsString(detail.trim())));
    }

    @Test
    void aConfigurationNotMadeYetIsNotFound() throws Exception {
        mvc.perform(get("/api/shardmaster/config/42"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ErrNotFound"))
                .andExpect(jsonPath("$.detail").value(containsString("configuration 42 does not exist yet")));
    }

    @Test
    void aBadConfigurationNumberIsABadRequest() throws Exception {
        mvc.perform(get("/api/shardmaster/config/-2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("ErrBadRequest"));
        mvc.perform(get("/api/shardmaster/config/abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("ErrBadRequest"));
    }

    @Test
    void aWatchAnswersTheNextConfigurationOrNoChange() throws Exception {
        // The slice's replica lives as long as the class: start from whatever configuration it has.
        long latest = ((Number) JsonPath.read(mvc.perform(get("/api/shardmaster/config")).andReturn().getResponse()
                .getContentAsString(), "$.num")).longValue();
        String after = Long.toString(latest);
        mvc.perform(get("/api/shardmaster/config").param("after", after).param("waitMs", "0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(false));
        postJson("join", "{\"gid\": 8, \"servers\": [\"http://b:1\"]}").andExpect(status().is2xxSuccessful());
        mvc.perform(get("/api/shardmaster/config").param("after", after).param("waitMs", "5000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(true))
                .andExpect(jsonPath("$.config.num").value(latest + 1))
                .andExpect(jsonPath("$.config.groups['8'][0]").value("http://b:1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1 |0     |after: must be >= 0",
        "0  |-5    |waitMs: must be in 0..60000",
        "0  |60001 |waitMs: must be in 0..60000",
        "abc|0     |after",
        "0  |soon  |waitMs",
    })
    void aBadWatchIsABadRequest(String after, String waitMs, String detail) throws Exception {
        mvc.perform(get("/api/shardmaster/config").param("after", after.trim()).param("waitMs", waitMs.trim()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ErrBadRequest"))
                .andExpect(jsonPath("$.detail").value(containsString(detail.trim())));
    }
}
