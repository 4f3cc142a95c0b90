package hlc.emit.backup;

import hlc.emit.EmitFixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spec's periods and retentions in the units VolSync, restic, Barman and CloudNativePG read. */
class BackupUnitsTest {
    @Test
    void periodsThatDivideAnHourOrADayBecomeCron() {
        assertEquals("0 */6 * * *", Cron.every(Duration.ofHours(6)));
        assertEquals("0 * * * *", Cron.every(Duration.ofHours(1)));
        assertEquals("*/15 * * * *", Cron.every(Duration.ofMinutes(15)));
        assertEquals("0 0 * * *", Cron.every(Duration.ofDays(1)));
        assertEquals("0 0 * * 0", Cron.every(Duration.ofDays(7)));
    }

    @Test
    void periodsWithoutACronFormAreRefused() {
        assertNull(Cron.every(Duration.ofHours(5)), "every 5h would run at 20:00 and again at 00:00");
        assertNull(Cron.every(Duration.ofMinutes(90)));
        assertNull(Cron.every(Duration.ofDays(2)));
        assertNull(Cron.every(Duration.ofSeconds(30)));
    }

    @Test
    void cnpgSchedulesGetASecondsField() {
        assertEquals("0 0 6 * * *", Cron.withSeconds("0 6 * * *"));
        assertEquals("30 0 6 * * *", Cron.withSeconds("30 0 6 * * *"));
    }

    @Test
    void retentionInResticAndBarmanUnits() {
        assertEquals("7d", Retention.restic(Duration.ofDays(7)));
        assertEquals("1d12h", Retention.restic(Duration.ofHours(36)));
        assertEquals("1h", Retention.restic(Duration.ofMinutes(30)), "restic's m is months: minutes round up to an hour");
        assertEquals("14d", Retention.barman(Duration.ofDays(14)));
        assertEquals("2d", Retention.barman(Duration.ofHours(36)));
    }

    @Test
    void anEveryWithoutCronIsTheUsersErrorAtItsPlace() throws Exception {
        String spec = Files.readString(EmitFixtures.realSpec()).replace("every 6h", "every 5h");
        EmitFixtures.Run run = EmitFixtures.emitText(spec);
        assertTrue(run.failed());
        assertTrue(run.findings().contains("HL004 `every 5h` of backup `volsync` has no cron schedule"), run.findings());
        assertTrue(run.findings().contains("test.hl:"), run.findings());
    }
}
