package io.edgeoff.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The jars of a plug-in path and the providers of a service, with the messages of the option that named them. Every
 * problem is an {@link IllegalArgumentException} naming it (a path that does not exist or is neither a jar nor a
 * directory, a provider that cannot be loaded), except a directory that cannot be listed
 * ({@link UncheckedIOException}).
 */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * How messages name a plug-in path.
     *
     * @param path       the path, before its value: e.g. {@code handler path} or {@code --policy-path}
     * @param directory  a directory of jars, before its value: e.g. {@code handler directory}
     * @param provider   one provider of the service, for "... could not be loaded": e.g. {@code a task handler}
     */
    public record Naming(String path, String directory, String provider) {
        public Naming {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(provider, "provider");
        }
    }

    /**
     * @param path a {@code .jar} file, or a directory whose {@code *.jar} files are all used (sorted by name)
     * @return the jars' URLs; empty for a directory without jars
     * @throws IllegalArgumentException when the path does not exist or is neither a jar nor a directory
     */
    public static List<URL> urls(Path path, Naming naming) {
        List<URL> urls = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(url(jar, naming));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + naming.directory() + " " + path + ": " + e.getMessage(),
                        e);
            }
        } else if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar")) {
            urls.add(url(path, naming));
        } else {
            throw new IllegalArgumentException(naming.path() + " " + path
                    + (Files.exists(path) ? " is neither a .jar file nor a directory" : " does not exist"));
        }
        return urls;
    }

    /**
     * Walks the providers of {@code service} that {@code loader} sees, in {@link ServiceLoader} order, lazily: each
     * is handed to {@code each} before the next is looked up.
     *
     * @throws IllegalArgumentException when a provider cannot be found or loaded ({@code "<provider> could not be
     *                                  loaded: ..."})
     */
    public static <S> void forEachProvider(Class<S> service, ClassLoader loader, Naming naming,
                                           Consumer<ServiceLoader.Provider<S>> each) {
        Iterator<ServiceLoader.Provider<S>> it = ServiceLoader.load(service, loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<S> provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                throw notLoaded(naming, e);
            }
            each.accept(provider);
        }
    }

    /**
     * @return the provider's instance
     * @throws IllegalArgumentException when it cannot be created ({@code "<provider> could not be loaded: ..."})
     */
    public static <S> S instance(ServiceLoader.Provider<S> provider, Naming naming) {
        try {
            return provider.get();
        } catch (ServiceConfigurationError e) {
            throw notLoaded(naming, e);
        }
    }

    private static IllegalArgumentException notLoaded(Naming naming, ServiceConfigurationError e) {
        return new IllegalArgumentException(naming.provider() + " could not be loaded: " + e.getMessage(), e);
    }

    private static URL url(Path path, Naming naming) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(naming.path() + " " + path + " is not a valid location: "
                    + e.getMessage());
        }
    }
}
