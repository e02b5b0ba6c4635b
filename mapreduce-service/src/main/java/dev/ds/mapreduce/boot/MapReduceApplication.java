package dev.ds.mapreduce.boot;

import dev.ds.spring.boot.DsApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The mapreduce-service jar: {@code --role=coordinator}, {@code --role=worker}, {@code --role=sequential}
 * or {@code --role=generate} (docs/API.md).
 *
 * <p>No component scan: each role's beans come from its own configuration, imported here and
 * switched on by {@code role}, so a node runs exactly the role it was asked for.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({RoleConfiguration.class, CoordinatorConfiguration.class, WorkerConfiguration.class,
        SequentialConfiguration.class, GenerateConfiguration.class})
public class MapReduceApplication {

    public static void main(String[] args) {
        DsApplication.run(MapReduceApplication.class, args);
    }
}
