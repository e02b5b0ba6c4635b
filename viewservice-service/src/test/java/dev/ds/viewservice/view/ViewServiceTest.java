package dev.ds.viewservice.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.view.View;
import dev.ds.api.view.ViewServiceApi;
import dev.ds.client.view.ViewServiceClient;
import dev.ds.rpc.memory.InMemoryNetwork;
import dev.ds.testkit.Seeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The nine scenarios of the 6.824 view service test (lab 2A), on the in-memory network.
 *
 * <p>As in the lab, the scenarios run in order against one view service and build on each other's
 * final view. Time is explicit: {@link #sleepPingInterval()} is one ping interval, in which the
 * view service ticks once; the servers' clerks talk to it through the network, serialized as over
 * HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewServiceTest {

    private static final int DEAD_PINGS = 5;
    private static final String VIEWSERVER = "viewserver";

    private ViewServer vs;
    private ViewServiceClient ck1;
    private ViewServiceClient ck2;
    private ViewServiceClient ck3;

    @BeforeEach
    void startOnce() {
        if (vs != null) {
            return;
        }
        InMemoryNetwork network = new InMemoryNetwork(Seeds.seed("ViewServiceTest"));
        vs = new ViewServer(DEAD_PINGS);
        network.server(VIEWSERVER)
                .handle(ViewServiceApi.PING, args -> vs.ping(args.server(), args.viewnum()))
                .handle(ViewServiceApi.VIEW, none -> vs.view());
        ck1 = new ViewServiceClient(network.client("server1"), VIEWSERVER);
        ck2 = new ViewServiceClient(network.client("server2"), VIEWSERVER);
        ck3 = new ViewServiceClient(network.client("server3"), VIEWSERVER);
    }

    @Test
    @Order(1)
    @DisplayName("Test: First primary ...")
    void firstPrimary() {
        assertThat(ck1.primary()).as("there is no primary before anyone pings").isEmpty();
        for (int i = 0; i < DEAD_PINGS * 2; i++) {
            View view = ck1.ping("server1", 0);
            if (view.isPrimary("server1")) {
                break;
            }
            sleepPingInterval();
        }
        check(ck1, "server1", null, 1);
    }

    @Test
    @Order(2)
    @DisplayName("Test: First backup ...")
    void firstBackup() {
        View vx = ck1.view();
        for (int i = 0; i < DEAD_PINGS * 2; i++) {
            ck1.ping("server1", 1);
            View view = ck2.ping("server2", 0);
            if (view.isBackup("server2")) {
                break;
            }
            sleepPingInterval();
        }
        check(ck1, "server1", "server2", vx.viewnum() + 1);
    }

    @Test
    @Order(3)
    @DisplayName("Test: Backup takes over if primary fails ...")
    void backupTakesOver() {
        ck1.ping("server1", 2);
        View vx = ck2.ping("server2", 2);
        for (int i = 0; i < DEAD_PINGS * 2; i++) {
            View view = ck2.ping("server2", vx.viewnum());
            if (view.isPrimary("server2") && view.backup() == null) {
                break;
            }
            sleepPingInterval();
        }
        check(ck2, "server2", null, vx.viewnum() + 1);
    }

    @Test
    @Order(4)
    @DisplayName("Test: Restarted server becomes backup ...")
    void restartedServerBecomesBackup() {
        View vx = ck2.view();
        ck2.ping("server2", vx.viewnum());
        for (int i = 0; i < DEAD_PINGS * 2; i++) {
            ck1.ping("server1", 0);
            View view = ck2.ping("server2", vx.viewnum());
            if (view.isPrimary("server2") && view.isBackup("server1")) {
                break;
            }
            sleepPingInterval();
        }
        check(ck2, "server2", "server1", vx.viewnum() + 1);
    }

    @Test
    @Order(5)
    @DisplayName("Test: Idle third server becomes backup if primary fails ...")
    void idleThirdServerBecomesBackup() {
        View vx = ck2.view();
        ck2.ping("server2", vx.viewnum());
        for (int i = 0; i < DEAD_PINGS * 2; i++) {
            ck3.ping("server3", 0);
            View view = ck1.ping("server1", vx.viewnum());
            if (view.isPrimary("server1") && view.isBackup("server3")) {
                break;
            }
            vx = view;
            sleepPingInterval();
        }
        check(ck1, "server1", "server3", vx.viewnum() + 1);
    }

    @Test
    @Order(6)
    @DisplayName("Test: Restarted primary treated as dead ...")
    void restartedPrimaryTreatedAsDead() {
        View vx = ck1.view();
        ck1.ping("server1", vx.viewnum());
        for (int i = 0; i < DEAD_PINGS * 2; i++) {
            ck1.ping("server1", 0);
            ck3.ping("server3", vx.viewnum());
            if (!ck3.view().isPrimary("server1")) {
                break;
            }
            sleepPingInterval();
        }
        View vy = ck3.view();
        assertThat(vy.primary()).as("the backup takes over from a primary that restarted").isEqualTo("server3");
        assertThat(vy.viewnum()).isEqualTo(vx.viewnum() + 1);
    }

    @Test
    @Order(7)
    @DisplayName("Test: Dead backup is removed from view ...")
    void deadBackupIsRemoved() {
        // Set up a view with server3 as primary and server1 as backup, acknowledged by server3.
        for (int i = 0; i < DEAD_PINGS * 3; i++) {
            View view = ck3.ping("server3", ck3.view().viewnum());
            ck1.ping("server1", view.viewnum());
            if (view.isPrimary("server3") && view.isBackup("server1")) {
                ck3.ping("server3", view.viewnum());
                break;
            }
            sleepPingInterval();
        }
        View vx = ck3.view();
        assertThat(vx.isBackup("server1")).as("server1 is the backup before it dies").isTrue();
        // server1 dies: it stops pinging.
        for (int i = 0; i < DEAD_PINGS * 3; i++) {
            View view = ck3.ping("server3", ck3.view().viewnum());
            if (view.backup() == null) {
                break;
            }
            sleepPingInterval();
        }
        check(ck3, "server3", null, vx.viewnum() + 1);
    }

    @Test
    @Order(8)
    @DisplayName("Test: Viewserver waits for primary to ack view ...")
    void waitsForPrimaryAck() {
        // server3 is primary with no backup; server1 restarts and is made backup in view n+1,
        // but server3 dies without ever acknowledging view n+1.
        View vx = ck3.ping("server3", ck3.view().viewnum());
        for (int i = 0; i < DEAD_PINGS * 3; i++) {
            View view = ck1.ping("server1", 0);
            ck3.ping("server3", vx.viewnum());
            if (view.viewnum() > vx.viewnum()) {
                break;
            }
            sleepPingInterval();
        }
        View unacked = ck1.view();
        assertThat(unacked).isEqualTo(new View(vx.viewnum() + 1, "server3", "server1"));
        for (int i = 0; i < DEAD_PINGS * 3; i++) {
            ck1.ping("server1", unacked.viewnum());
            sleepPingInterval();
        }
        assertThat(ck1.view()).as("the view must not move on before its primary acknowledges it")
                .isEqualTo(unacked);
    }

    @Test
    @Order(9)
    @DisplayName("Test: Uninitialized server can't become primary ...")
    void uninitializedServerCannotBecomePrimary() {
        // Bring server3 back as the primary of an acknowledged view, with server1 as its backup.
        // server2 keeps restarting (pinging 0), so it never holds the data.
        for (int i = 0; i < DEAD_PINGS * 3; i++) {
            View view = ck1.view();
            ck1.ping("server1", view.viewnum());
            ck2.ping("server2", 0);
            ck3.ping("server3", view.viewnum());
            sleepPingInterval();
        }
        assertThat(ck1.view().primary()).isEqualTo("server3");
        // server1 and server3 die; only the uninitialized server2 is left.
        for (int i = 0; i < DEAD_PINGS * 2; i++) {
            ck2.ping("server2", 0);
            sleepPingInterval();
        }
        assertThat(ck2.view().primary()).as("an uninitialized server must never become primary")
                .isNotEqualTo("server2");
    }

    private void sleepPingInterval() {
        vs.tick();
    }

    /** The 6.824 check(): the view and the clerk's idea of the primary agree with what is expected. */
    private static void check(ViewServiceClient ck, String primary, String backup, long viewnum) {
        View view = ck.view();
        assertThat(view.primary()).as("primary").isEqualTo(primary);
        assertThat(view.backup()).as("backup").isEqualTo(backup);
        assertThat(view.viewnum()).as("view number").isEqualTo(viewnum);
        assertThat(ck.primary()).as("Primary()").contains(primary);
    }
}
