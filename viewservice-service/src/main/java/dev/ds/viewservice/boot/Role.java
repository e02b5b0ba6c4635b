package dev.ds.viewservice.boot;

import dev.ds.spring.boot.Roles;
import org.springframework.core.env.Environment;

/** What this jar runs, from the required {@code role} setting. */
enum Role {
    VIEWSERVICE,
    PBSERVER;

    static Role from(Environment environment) {
        return Roles.from(environment, Role.class);
    }
}
