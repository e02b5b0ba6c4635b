package dev.ds.mapreduce.boot;

import dev.ds.spring.boot.DsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The mapreduce-service entry point. The protocol arrives with its issue; today the node serves only Actuator and OpenAPI. */
@SpringBootApplication
public class MapReduceApplication {

    public static void main(String[] args) {
        DsApplication.run(MapReduceApplication.class, args);
    }
}
