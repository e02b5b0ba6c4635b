package dev.ds.spring.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Answers every error as an RFC 9457 problem with a {@code code} (see {@link ProblemHandler}). */
@AutoConfiguration
@Import(ProblemHandler.class)
public class ProblemAutoConfiguration {
}
