package dev.ds.spring.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** A test node with every setting at its default (no chaos API, no secret), on 127.0.0.1. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestNodeApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
public @interface PlainNode {
}
