package hlc.check;

import hlc.concurrent.OnThreads;
import hlc.diag.Reporter;
import hlc.resolve.ResolvedSpec;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs checks on several threads and reports their findings as running them one after another would: each
 * thread takes the next check as it finishes one, each check reports to a reporter of its own, and the findings
 * are handed on in the order of the list. The checks only read the resolved spec (its derived facts are safe to
 * work out from several threads). A class of its own so that a small spec, checked on the calling thread, does
 * not load (or verify) any of this.
 */
final class ChecksOnEveryCore {
    private ChecksOnEveryCore() {}

    /**
     * {@code checks} on {@code view}, on {@code threads} threads (the calling one among them), findings to
     * {@code reporter} in the order of {@code checks}. A check that throws (hlc's bug) is rethrown here, the first
     * in that order, after the findings of the checks before it and its own so far: what a sequential run leaves
     * behind when that check throws.
     */
    static void run(List<Check> checks, ResolvedSpec view, Reporter reporter, int threads) {
        int n = checks.size();
        Reporter[] found = new Reporter[n];
        Throwable[] thrown = new Throwable[n];
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int i; (i = next.getAndIncrement()) < n; ) {
                Reporter own = new Reporter();
                found[i] = own;
                try {
                    checks.get(i).run(view, own);
                } catch (RuntimeException | StackOverflowError bug) {
                    thrown[i] = bug;
                    next.set(n); // no check after it runs, as in a sequential run (their findings would be dropped)
                }
            }
        };
        OnThreads.run(work, Math.min(threads, n), "hlc-check", "checking");
        for (int i = 0; i < n; i++) {
            if (found[i] != null) reporter.addAll(found[i].reported());
            if (thrown[i] instanceof RuntimeException e) throw e;
            if (thrown[i] instanceof Error e) throw e;
        }
    }
}
