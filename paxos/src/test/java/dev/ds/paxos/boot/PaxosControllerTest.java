package dev.ds.paxos.boot;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ds.paxos.core.Bootstrap;
import dev.ds.paxos.core.PaxosConfig;
import dev.ds.paxos.core.PaxosListener;
import dev.ds.paxos.core.PaxosPeer;
import dev.ds.paxos.core.SilentPeers;
import dev.ds.paxos.core.Scheduler;
import dev.ds.paxos.storage.InMemoryStorage;
import java.time.Duration;
import java.util.Random;
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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The internal Paxos endpoints' JSON, and their answers to bad input: 400 problem+json naming the field. */
@WebMvcTest
@ContextConfiguration(classes = PaxosControllerTest.Slice.class)
class PaxosControllerTest {

    /** The controller over one real peer (peer 0 of 3) that never sends anything. */
    @Configuration(proxyBeanMethods = false)
    @Import(PaxosController.class)
    static class Slice {
        @Bean
        PaxosPeer paxosPeer() {
            Scheduler idle = new Scheduler() {
                @Override
                public void execute(Runnable task) {
                }

                @Override
                public void schedule(Duration delay, Runnable task) {
                }
            };
            return PaxosPeer.open(PaxosConfig.of(0, 3, Bootstrap.NEW), new InMemoryStorage(), new SilentPeers(), idle,
                    new Random(0), PaxosListener.NONE);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void prepareThenAcceptThenLearn() throws Exception {
        post("/internal/paxos/prepare", "{\"seq\": 4, \"number\": {\"epoch\": 0, \"round\": 1, \"peer\": 2, \"incarnation\": 1}, \"from\": 2, \"done\": -1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vote").value("GRANTED"))
                .andExpect(jsonPath("$.promised.round").value(1))
                .andExpect(jsonPath("$.acceptedNumber.peer").value(-1))
                .andExpect(jsonPath("$.epoch").value(0));
        post("/internal/paxos/accept", "{\"seq\": 4, \"number\": {\"epoch\": 0, \"round\": 1, \"peer\": 2, \"incarnation\": 1}, "
                + "\"value\": \"aGVsbG8=\", \"from\": 2, \"done\": -1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vote").value("GRANTED"));
        post("/internal/paxos/decided", "{\"seq\": 4, \"value\": \"aGVsbG8=\", \"from\": 2, \"done\": 1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.done").value(-1));
        post("/internal/paxos/prepare", "{\"seq\": 4, \"number\": {\"epoch\": 0, \"round\": 9, \"peer\": 1, \"incarnation\": 1}, \"from\": 1, \"done\": -1}")
                .andExpect(jsonPath("$.vote").value("DECIDED"))
                .andExpect(jsonPath("$.decided").value("aGVsbG8="));
        post("/internal/paxos/rejoin", "{\"from\": 1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.voting").value(true))
                .andExpect(jsonPath("$.max").value(4))
                .andExpect(jsonPath("$.epoch").value(0));
        post("/internal/paxos/rejoin", "{\"from\": 1, \"keepEpoch\": 3}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.epoch").value(3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"number\": {\"epoch\": 0, \"round\": 1, \"peer\": 2, \"incarnation\": 1}, \"from\": 2, \"done\": -1}|seq: must be given",
        "{\"seq\": -3, \"number\": {\"epoch\": 0, \"round\": 1, \"peer\": 2, \"incarnation\": 1}, \"from\": 2, \"done\": -1}|seq: must be >= 0",
        "{\"seq\": 1, \"from\": 2, \"done\": -1}|number: must be given",
        "{\"seq\": 1, \"number\": {\"epoch\": 0, \"peer\": 2, \"incarnation\": 1}, \"from\": 2, \"done\": -1}|number.round: must be given",
        "{\"seq\": 1, \"number\": {\"epoch\": 0, \"round\": 1, \"peer\": 2, \"incarnation\": 1}, \"done\": -1}|from: must be given",
        "{\"seq\": 1, \"number\": {\"epoch\": 0, \"round\": 1, \"peer\": 2, \"incarnation\": 1}, \"from\": 7, \"done\": -1}|from: must be a peer index in 0..2",
        "{\"seq\": 1, \"number\": {\"epoch\": 0, \"round\": 1, \"peer\": 2, \"incarnation\": 1}, \"from\": 2}|done: must be given",
        "{\"seq\": 1, |malformed JSON",
    })
    void badPrepareIsABadRequestProblem(String body, String detail) throws Exception {
        post("/internal/paxos/prepare", body.trim())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ErrBadRequest"))
                .andExpect(jsonPath("$.detail").value(containsString(detail.trim())));
    }

    @Test
    void anAcceptWithoutAValueIsABadRequest() throws Exception {
        post("/internal/paxos/accept", "{\"seq\": 1, \"number\": {\"epoch\": 0, \"round\": 1, \"peer\": 2, \"incarnation\": 1}, \"from\": 2, \"done\": -1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("value: must be given")));
    }

    private ResultActions post(String path, String body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
