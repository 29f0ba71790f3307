package io.edgeoff.decision.plugin;

import io.edgeoff.decision.PolicyProvider;
import io.edgeoff.decision.PolicySpec;
import io.edgeoff.plugin.PluginJars;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Finds the {@link PolicyProvider}s of a class loader and of jars given at run time (the same path rules as the
 * site's {@code --handler-path}: each path is a {@code .jar} or a directory whose {@code *.jar} files are all used).
 * Every problem is an {@link IllegalArgumentException} that names it: a path that does not exist, a provider that
 * cannot be loaded or throws, an invalid policy name. Duplicates are refused by the registry
 * ({@link io.edgeoff.decision.PolicyRegistry#withPlugins}), which names both origins.
 */
public final class PolicyLoader {
    /** A plug-in's policy name: 1 to 64 characters of a-z A-Z 0-9 . _ -, starting with a letter or digit. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** How messages name {@code --policy-path} and its providers. */
    private static final PluginJars.Naming NAMING = new PluginJars.Naming("--policy-path", "policy directory",
            "a policy provider");

    private PolicyLoader() {
    }

    /**
     * A plug-in's policy and where it came from.
     *
     * @param spec    the registry entry
     * @param origin  the jar (or {@code class path}) and provider class, for messages and {@code edgeoff policies}
     */
    public record LoadedPolicy(PolicySpec spec, String origin) {
        public LoadedPolicy {
            java.util.Objects.requireNonNull(spec, "spec");
            java.util.Objects.requireNonNull(origin, "origin");
        }
    }

    /**
     * The policies of the providers visible to {@code parent} (the class path) followed by those of the jars of
     * {@code jarsOrDirectories}, each provider's in its own order. Each path gets a class loader of its own: the
     * jars of one directory see each other (a plug-in with libraries goes into a directory), two paths do not, so the
     * same provider in two of them is two providers, and their policies' names clash.
     */
    public static List<LoadedPolicy> load(List<Path> jarsOrDirectories, ClassLoader parent) {
        List<LoadedPolicy> loaded = new ArrayList<>(fromLoader(parent, null));
        for (Path path : jarsOrDirectories) {
            List<URL> urls = PluginJars.urls(path, NAMING);
            if (!urls.isEmpty()) {
                URLClassLoader jars = new URLClassLoader("edgeoff-policies", urls.toArray(URL[]::new), parent);
                loaded.addAll(fromLoader(jars, jars));
            }
        }
        return List.copyOf(loaded);
    }

    /** The providers of {@code loader}; when {@code own} is set, only those whose class it defines itself. */
    private static List<LoadedPolicy> fromLoader(ClassLoader loader, URLClassLoader own) {
        List<LoadedPolicy> loaded = new ArrayList<>();
        PluginJars.forEachProvider(PolicyProvider.class, loader, NAMING, provider -> {
            if (own == null || provider.type().getClassLoader() == own) {
                loaded.addAll(policies(provider));
            }
        });
        return loaded;
    }

    private static List<LoadedPolicy> policies(ServiceLoader.Provider<PolicyProvider> provider) {
        String origin = origin(provider.type());
        List<PolicySpec> specs;
        try {
            specs = List.copyOf(provider.get().policies());
        } catch (ServiceConfigurationError | RuntimeException e) {
            throw new IllegalArgumentException("policy provider " + origin + " failed: " + e.getMessage(), e);
        }
        List<LoadedPolicy> loaded = new ArrayList<>();
        for (PolicySpec spec : specs) {
            if (!NAME.matcher(spec.name()).matches()) {
                throw new IllegalArgumentException("policy provider " + origin + " has an invalid policy name '"
                        + spec.name() + "'; a name is 1 to 64 characters of a-z A-Z 0-9 . _ -, starting with a "
                        + "letter or digit");
            }
            loaded.add(new LoadedPolicy(spec, origin));
        }
        return loaded;
    }

    private static String origin(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        String where = source == null || source.getLocation() == null ? "class path"
                : source.getLocation().getPath().replaceAll(".*/", "");
        return type.getName() + " (" + where + ")";
    }
}
