package dev.ds.mapreduce.storage;

import dev.ds.rpc.ProblemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The folders that paths named by requests must lie in (CONTRACT.md section 6:
 * {@code mapreduce.input-roots}, {@code mapreduce.output-roots}). The API is open to anyone who
 * can reach it, so without this a job could read any file a node can read and write into any
 * folder it can write; the file system's permissions confine the process, not the request.
 *
 * <p>A path is checked as the operating system will see it: made absolute against the working
 * folder, its longest existing part resolved with {@link Path#toRealPath} (symbolic links and
 * {@code ..}), and the part that does not exist yet appended. That rest may not contain {@code ..}:
 * whether {@code missing/..} is a folder depends on links that do not exist yet, so it is refused
 * rather than guessed. The roots themselves are resolved once, so a root given through a link
 * still contains the paths under its target.
 */
public final class PathRoots {

    private final String setting;
    private final List<Path> roots;

    /**
     * @param setting the property that lists the roots, named in refusals
     * @param folders the roots; each must be an existing folder
     * @throws IllegalArgumentException if {@code folders} is empty or one is not an existing folder
     */
    public PathRoots(String setting, List<String> folders) {
        if (folders == null || folders.isEmpty()) {
            throw new IllegalArgumentException("must list at least one folder");
        }
        List<Path> real = new ArrayList<>();
        for (String folder : folders) {
            real.add(realFolder(folder));
        }
        this.setting = setting;
        this.roots = List.copyOf(real);
    }

    /**
     * The real path of {@code path} if it lies inside a root; otherwise {@code ErrBadRequest} whose
     * detail starts with {@code field}. The path need not exist; nothing is created.
     */
    public Path resolve(String field, String path) {
        Path resolved = resolved(field, path);
        if (roots.stream().noneMatch(resolved::startsWith)) {
            throw ProblemException.badRequest(field + ": " + path + " is outside the folders " + setting
                    + " allows (" + roots.stream().map(Path::toString).collect(Collectors.joining(",")) + ")");
        }
        return resolved;
    }

    private static Path resolved(String field, String path) {
        try {
            Path absolute = Path.of(path).toAbsolutePath();
            Path existing = absolute;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                throw ProblemException.badRequest(field + ": cannot resolve " + path);
            }
            Path resolved = existing.toRealPath();
            // Name by name: Path.relativize would fold "missing/.." away before it could be seen.
            for (int i = existing.getNameCount(); i < absolute.getNameCount(); i++) {
                String name = absolute.getName(i).toString();
                if (name.equals("..")) {
                    throw ProblemException.badRequest(field + ": " + path + " has '..' after a folder that does not exist");
                }
                resolved = name.equals(".") ? resolved : resolved.resolve(name);
            }
            return resolved;
        } catch (InvalidPathException | IOException e) {
            // A dangling link or a folder we may not enter: where it leads is unknown, so it is refused.
            throw ProblemException.badRequest(field + ": cannot resolve " + path + ": " + e.getMessage());
        }
    }

    private static Path realFolder(String folder) {
        if (folder == null || folder.isBlank()) {
            throw new IllegalArgumentException("must not contain an empty folder");
        }
        try {
            Path real = Path.of(folder.trim()).toRealPath();
            if (!Files.isDirectory(real)) {
                throw new IllegalArgumentException(folder + " is not a folder");
            }
            return real;
        } catch (InvalidPathException | IOException e) {
            throw new IllegalArgumentException(folder + " is not an existing folder");
        }
    }

    @Override
    public String toString() {
        return setting + "=" + roots;
    }
}
