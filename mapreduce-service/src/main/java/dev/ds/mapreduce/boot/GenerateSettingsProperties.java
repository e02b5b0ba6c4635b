package dev.ds.mapreduce.boot;

import dev.ds.spring.boot.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What {@code --role=generate} writes.
 *
 * @param outputDir {@code generate.output-dir}: the folder that receives {@code sample-01.txt} and on
 * @param files {@code generate.files}: how many books (default 8)
 * @param words {@code generate.words}: words per book (default 100000, about 600 KB)
 * @param seed {@code generate.seed}: the seed of the first book, plus one for each next (default 6824)
 */
@ConfigurationProperties("generate")
record GenerateSettingsProperties(String outputDir, @DefaultValue("8") int files,
        @DefaultValue("100000") int words, @DefaultValue("6824") long seed) {

    GenerateSettingsProperties {
        InvalidSettingException.require("generate.output-dir", outputDir, "the folder for the sample books");
        if (files < 1) {
            throw new InvalidSettingException("generate.files", files, "must be at least 1");
        }
        if (words < 1) {
            throw new InvalidSettingException("generate.words", words, "must be at least 1");
        }
    }
}
