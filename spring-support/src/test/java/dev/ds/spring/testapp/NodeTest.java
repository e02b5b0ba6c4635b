package dev.ds.spring.testapp;

import dev.ds.rpc.Faults;
import dev.ds.spring.chaos.ChaosState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every test against the running test node needs: its port, an HTTP helper, and no faults left behind. */
public abstract class NodeTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected ChaosState chaos;

    protected NodeHttp http;

    @BeforeEach
    void connect() {
        http = new NodeHttp(port);
    }

    @AfterEach
    void clearFaults() {
        chaos.set(Faults.NONE);
    }
}
