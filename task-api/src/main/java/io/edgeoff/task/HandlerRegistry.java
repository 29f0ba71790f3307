package io.edgeoff.task;

import io.edgeoff.plugin.PluginJars;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The handlers of a class path, by name. Immutable.
 *
 * <p>{@link #load(ClassLoader)} finds them through {@link ServiceLoader}; {@link #load(List, ClassLoader)}
 * adds jars (or directories of jars) given at run time, so that a site or the device picks up a user's
 * handler without being rebuilt. Every problem is an {@link IllegalArgumentException} naming it: two
 * handlers with one name (both classes are named), an invalid name, a provider that cannot be loaded.
 */
public final class HandlerRegistry {
    /** How messages name {@code --handler-path} and its handlers. */
    private static final PluginJars.Naming NAMING = new PluginJars.Naming("handler path", "handler directory",
            "a task handler");

    private final Map<String, TaskHandler> handlers;

    private HandlerRegistry(Map<String, TaskHandler> handlers) {
        this.handlers = Collections.unmodifiableMap(new TreeMap<>(handlers));
    }

    /** @return a registry of exactly these handlers */
    public static HandlerRegistry of(TaskHandler... handlers) {
        return of(List.of(handlers));
    }

    /** @return a registry of exactly these handlers */
    public static HandlerRegistry of(List<? extends TaskHandler> handlers) {
        Map<String, TaskHandler> byName = new TreeMap<>();
        for (TaskHandler handler : handlers) {
            add(byName, handler);
        }
        return new HandlerRegistry(byName);
    }

    /** @return the handlers that {@code loader} provides through {@link ServiceLoader} */
    public static HandlerRegistry load(ClassLoader loader) {
        Map<String, TaskHandler> byName = new TreeMap<>();
        PluginJars.forEachProvider(TaskHandler.class, loader, NAMING,
                provider -> add(byName, PluginJars.instance(provider, NAMING)));
        return new HandlerRegistry(byName);
    }

    /**
     * The handlers of {@code parent} plus those of the given jars: each path is a {@code .jar} file or a
     * directory whose {@code *.jar} files are all added.
     *
     * @throws IllegalArgumentException when a path does not exist or is neither a jar nor a directory
     */
    public static HandlerRegistry load(List<Path> jarsOrDirectories, ClassLoader parent) {
        return load(classLoader(jarsOrDirectories, parent));
    }

    /** @return a class loader over {@code parent} and the jars of {@code jarsOrDirectories} (none: {@code parent}) */
    public static ClassLoader classLoader(List<Path> jarsOrDirectories, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (Path path : jarsOrDirectories) {
            urls.addAll(PluginJars.urls(path, NAMING));
        }
        return urls.isEmpty() ? parent : new URLClassLoader("edgeoff-handlers", urls.toArray(URL[]::new), parent);
    }

    private static void add(Map<String, TaskHandler> byName, TaskHandler handler) {
        String name = handler.name();
        if (!HandlerNames.valid(name)) {
            throw new IllegalArgumentException("task handler " + handler.getClass().getName() + " has an invalid name "
                    + HandlerNames.quote(name) + "; a name is 1 to " + HandlerNames.MAX_LENGTH
                    + " characters of a-z 0-9 . _ -, starting with a letter or digit");
        }
        TaskHandler earlier = byName.putIfAbsent(name, handler);
        if (earlier != null) {
            throw new IllegalArgumentException("two task handlers are named '" + name + "': "
                    + earlier.getClass().getName() + " and " + handler.getClass().getName()
                    + "; remove one of their jars from the class path");
        }
    }

    /** @return the handler named {@code name}, if any */
    public Optional<TaskHandler> find(String name) {
        return Optional.ofNullable(name == null ? null : handlers.get(name));
    }

    /**
     * @return the handler named {@code name}
     * @throws HandlerException {@code UNKNOWN_HANDLER}, naming the handlers there are
     */
    public TaskHandler get(String name) {
        TaskHandler handler = name == null ? null : handlers.get(name);
        if (handler == null) {
            throw new HandlerException(HandlerException.Cause.UNKNOWN_HANDLER, "unknown handler "
                    + HandlerNames.quote(name) + "; this class path has " + names());
        }
        return handler;
    }

    /** @return the handlers' names, sorted */
    public List<String> names() {
        return List.copyOf(handlers.keySet());
    }

    /** @return the handlers, sorted by name */
    public List<TaskHandler> handlers() {
        return List.copyOf(handlers.values());
    }

    /** @return true when there is a handler named {@code name} */
    public boolean has(String name) {
        return name != null && handlers.containsKey(name);
    }

    @Override
    public String toString() {
        return "HandlerRegistry" + names();
    }
}
