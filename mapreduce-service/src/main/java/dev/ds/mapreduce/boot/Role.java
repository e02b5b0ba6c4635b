package dev.ds.mapreduce.boot;

import dev.ds.spring.boot.Roles;
import org.springframework.core.env.Environment;

/** What this jar runs, from the required {@code role} setting. */
enum Role {
    COORDINATOR,
    WORKER,
    SEQUENTIAL,
    GENERATE;

    static Role from(Environment environment) {
        return Roles.from(environment, Role.class);
    }
}
