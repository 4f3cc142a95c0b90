package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.App;
import hlc.model.Name;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HL070: app dependencies form no cycle. Flux waits for every dependency to be ready before applying an app;
 * in a cycle each waits for the other and none is ever applied. Each cycle is reported once, as the path
 * {@code a -> b -> c -> a}, at the dependency that closes it.
 */
public final class AppDependencyCycleCheck implements Check {
    private static final int WHITE = 0, GREY = 1, BLACK = 2;

    @Override
    public List<Code> codes() {
        return List.of(Code.HL070);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Map<String, Integer> colour = new HashMap<>();
        for (App a : ix.spec().apps()) {
            if (colour.getOrDefault(a.name().text(), WHITE) == WHITE) visit(a, ix, colour, new ArrayList<>(), reporter);
        }
    }

    // Iterative depth-first search: a generated spec may have dependency chains thousands of apps long.
    private void visit(App root, ResolvedSpec ix, Map<String, Integer> colour, List<App> path, Reporter reporter) {
        record Frame(App app, int next) {}
        List<Frame> stack = new ArrayList<>();
        stack.add(new Frame(root, 0));
        colour.put(root.name().text(), GREY);
        path.add(root);
        while (!stack.isEmpty()) {
            Frame top = stack.remove(stack.size() - 1);
            App app = top.app();
            if (top.next() >= app.depends().size()) {
                colour.put(app.name().text(), BLACK);
                path.remove(path.size() - 1);
                continue;
            }
            stack.add(new Frame(app, top.next() + 1));
            Name dep = app.depends().get(top.next());
            App target = ix.apps().get(dep.text());
            if (target == null) continue; // unknown: ReferenceCheck reports it
            int c = colour.getOrDefault(dep.text(), WHITE);
            if (c == GREY) {
                report(path, target, dep, reporter);
            } else if (c == WHITE) {
                colour.put(dep.text(), GREY);
                path.add(target);
                stack.add(new Frame(target, 0));
            }
        }
    }

    private static void report(List<App> path, App target, Name closing, Reporter reporter) {
        List<String> names = new ArrayList<>();
        boolean in = false;
        for (App a : path) {
            if (a == target) in = true;
            if (in) names.add(a.name().text());
        }
        names.add(target.name().text());
        reporter.error(Code.HL070, closing.span(), "app dependency cycle: " + String.join(" -> ", names))
                .hint("Flux would wait forever; remove one of these dependencies").emit();
    }
}
