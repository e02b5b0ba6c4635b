package dev.ds.viewservice.boot;

import dev.ds.spring.boot.DsApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The viewservice-service jar. {@code --role=viewservice} runs the view service; the primary/backup
 * key/value server ({@code --role=pbserver}) arrives with its own issue.
 *
 * <p>No component scan: each role's beans come from its own configuration, imported here and
 * switched on by {@code role}, so a node runs exactly the role it was asked for.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({RoleConfiguration.class, ViewServiceConfiguration.class})
public class ViewServiceApplication {

    public static void main(String[] args) {
        DsApplication.run(ViewServiceApplication.class, args);
    }
}
