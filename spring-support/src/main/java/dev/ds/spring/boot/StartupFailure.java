package dev.ds.spring.boot;

import org.springframework.boot.context.properties.bind.BindException;

/** Turns whatever stopped a node from starting into the one line a user needs to fix it. */
public final class StartupFailure {

    private StartupFailure() {
    }

    public static String describe(Throwable failure) {
        BindException bind = null;
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingException invalid) {
                return invalid.getMessage();
            }
            if (t instanceof BindException b && bind == null) {
                bind = b;
            }
            root = t;
        }
        if (bind != null) {
            Object value = bind.getProperty() == null ? null : bind.getProperty().getValue();
            return "invalid setting " + bind.getName() + (value == null ? "" : "=" + value) + ": " + root.getMessage();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
