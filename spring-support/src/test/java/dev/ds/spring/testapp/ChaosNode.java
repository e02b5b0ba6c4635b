package dev.ds.spring.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A test node with the chaos API and a cluster secret, on a random port of 127.0.0.1. Every test
 * class that uses it shares one Spring context, so each must clear the chaos settings it makes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestNodeApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "chaos.enabled=true",
        "cluster.secret=" + TestApi.SECRET})
public @interface ChaosNode {
}
