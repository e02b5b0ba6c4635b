package dev.ds.spring.kv;

import dev.ds.api.kv.KvLimits;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.spring.boot.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Size limits of keys and values (CONTRACT.md section 1); above them a request is {@code ErrTooLarge}.
 *
 * @param maxKeyBytes {@code kv.max-key-bytes}, default 1 KiB
 * @param maxValueBytes {@code kv.max-value-bytes}, default 4 MiB
 */
@ConfigurationProperties("kv")
public record KvSettings(@DefaultValue("1024") int maxKeyBytes, @DefaultValue("4194304") int maxValueBytes) {

    public KvSettings {
        if (maxKeyBytes < 1) {
            throw new InvalidSettingException("kv.max-key-bytes", maxKeyBytes, "must be at least 1");
        }
        if (maxValueBytes < 0) {
            throw new InvalidSettingException("kv.max-value-bytes", maxValueBytes, "must be at least 0");
        }
    }

    /** Throws {@code ErrTooLarge} when the key or the value is above its limit. */
    public void check(String key, String value) {
        if (KvLimits.utf8Length(key) > maxKeyBytes) {
            throw new ProblemException(ErrorCode.ErrTooLarge, "key: above kv.max-key-bytes=" + maxKeyBytes);
        }
        if (value != null && KvLimits.utf8Length(value) > maxValueBytes) {
            throw new ProblemException(ErrorCode.ErrTooLarge, "value: above kv.max-value-bytes=" + maxValueBytes);
        }
    }
}
