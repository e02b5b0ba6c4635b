package dev.ds.viewservice.pb;

import dev.ds.api.view.View;

/** What a server is in the view it knows. */
public enum Role {
    PRIMARY,
    BACKUP,
    IDLE;

    static Role in(View view, String me) {
        if (view.isPrimary(me)) {
            return PRIMARY;
        }
        return view.isBackup(me) ? BACKUP : IDLE;
    }
}
