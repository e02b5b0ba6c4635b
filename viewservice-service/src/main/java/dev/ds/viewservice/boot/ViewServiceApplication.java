package dev.ds.viewservice.boot;

import dev.ds.spring.boot.DsApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The viewservice-service jar. {@code --role=viewservice} runs the view service, {@code
 * --role=pbserver} a primary/backup key/value server.
 *
 * <p>No component scan: each role's beans come from its own configuration, imported here and
 * switched on by {@code role}, so a node runs exactly the role it was asked for.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({RoleConfiguration.class, ViewServiceConfiguration.class, PbServerConfiguration.class})
public class ViewServiceApplication {

    public static void main(String[] args) {
        DsApplication.run(ViewServiceApplication.class, args);
    }
}
