package dev.ds.dsctl;

import dev.ds.api.view.View;
import dev.ds.client.view.ViewServiceClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code dsctl view}: the view service's current view, with node names. */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = "Print the view service's current view: number, primary, backup.")
final class ViewCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Dsctl root;

    @Override
    public Integer call() {
        View view;
        try (ViewServiceClient client = root.configure(ViewServiceClient.builder()
                .viewService(root.topology().urls("viewservice").get(0))).build()) {
            view = client.view();
        }
        if (root.json()) {
            Table.json(root.out(), view);
        } else {
            new Table("VIEW", "PRIMARY", "BACKUP")
                    .row(view.viewnum(), root.topology().nameOf(view.primary()), root.topology().nameOf(view.backup()))
                    .print(root.out());
        }
        return ExitCodes.OK;
    }
}
