package dev.ds.viewservice.boot;

import dev.ds.spring.boot.DsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The viewservice-service jar. {@code --role=viewservice} runs the view service; the primary/backup
 * key/value server ({@code --role=pbserver}) arrives with its own issue.
 */
@SpringBootApplication
public class ViewServiceApplication {

    public static void main(String[] args) {
        DsApplication.run(ViewServiceApplication.class, args);
    }
}
