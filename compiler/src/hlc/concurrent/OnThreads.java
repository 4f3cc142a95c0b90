package hlc.concurrent;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one piece of work on the calling thread and on helper threads beside it, and returns when all are done.
 * The work takes its own items from a shared counter, so the caller's thread keeps going when a helper is slow
 * (on a loaded machine, one core may do most of it). Reading a large file, checking a large spec and rendering
 * many files do this; each keeps its results by index and puts them back in order itself, so the outcome does
 * not depend on which thread did what.
 */
public final class OnThreads {
    private OnThreads() {}

    /**
     * @param threads how many threads in all, the caller's included (1: the caller only, no thread is started)
     * @param name    the helpers' name, numbered from 1 (seen in a thread dump or a profile)
     * @param what    what is being done, for the error when the caller is interrupted while it waits
     */
    public static void run(Runnable work, int threads, String name, String what) {
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            Thread helper = new Thread(work, name + "-" + t);
            helper.setDaemon(true); // a helper never keeps the JVM alive after the command is done
            helper.start();
            helpers.add(helper);
        }
        work.run();
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + what, e);
            }
        }
    }
}
