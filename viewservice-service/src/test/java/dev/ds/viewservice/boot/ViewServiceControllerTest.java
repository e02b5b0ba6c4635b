package dev.ds.viewservice.boot;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ds.viewservice.view.ViewServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/** The view service's REST contract, and its answers to bad input: 400 problem+json, code ErrBadRequest. */
@WebMvcTest
@ContextConfiguration(classes = ViewServiceControllerTest.Slice.class)
class ViewServiceControllerTest {

    /** Just the controller and its core; the problem handling comes with every MVC slice. */
    @Configuration(proxyBeanMethods = false)
    @Import(ViewServiceController.class)
    static class Slice {
        @Bean
        ViewServer viewServer() {
            return new ViewServer(5);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void firstPingMakesTheFirstPrimary() throws Exception {
        mvc.perform(post("/api/viewservice/ping").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"server\": \"http://127.0.0.1:8001\", \"viewnum\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.viewnum").value(1))
                .andExpect(jsonPath("$.primary").value("http://127.0.0.1:8001"))
                .andExpect(jsonPath("$.backup").doesNotExist());
        mvc.perform(get("/api/viewservice/view"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.viewnum").value(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"server\": \"http://a:1\", \"viewnum\": |malformed JSON",
        "{\"viewnum\": 3}                         |server: must be given",
        "{\"server\": \"  \", \"viewnum\": 3}     |server: must be given",
        "{\"server\": \"http://a:1\"}             |viewnum: must be given",
        "{\"server\": \"http://a:1\", \"viewnum\": -1}|viewnum: must be >= 0, was -1",
        "{\"server\": \"http://a:1\", \"viewnum\": \"x\"}|viewnum",
        "[]                                       |body",
    })
    void badInputIsABadRequestProblem(String body, String detail) throws Exception {
        mvc.perform(post("/api/viewservice/ping").contentType(MediaType.APPLICATION_JSON).content(body.trim()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ErrBadRequest"))
                .andExpect(jsonPath("$.detail").value(containsString(detail.trim())));
    }

    @Test
    void missingBodyIsABadRequestProblem() throws Exception {
        mvc.perform(post("/api/viewservice/ping").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("ErrBadRequest"));
    }
}
