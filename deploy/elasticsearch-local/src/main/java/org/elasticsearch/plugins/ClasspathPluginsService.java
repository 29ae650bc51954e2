package org.elasticsearch.plugins;

import org.elasticsearch.Version;
import org.elasticsearch.common.settings.Settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link PluginsService} whose plugins are classes already on the classpath, instead of bundles
 * unpacked under {@code modules/} and {@code plugins/} of a distribution.
 *
 * <p>It lives in Elasticsearch's package because {@link PluginsService#loadPlugin},
 * {@link PluginsService#loadExtensions} and {@link PluginsService.LoadedPlugin} are package-private;
 * Elasticsearch's own test framework ({@code MockPluginsService}) does the same. This works only
 * from the classpath (one unnamed module), not from the module path.
 */
public final class ClasspathPluginsService extends PluginsService {
    private final List<LoadedPlugin> classpathPlugins;

    public ClasspathPluginsService(Settings settings, PluginsLoader loader, List<Class<? extends Plugin>> pluginClasses) {
        super(settings, null, loader); // no config directory, and the loader holds no bundles
        List<LoadedPlugin> loaded = new ArrayList<>(pluginClasses.size());
        for (Class<? extends Plugin> pluginClass : pluginClasses) {
            Plugin instance = loadPlugin(pluginClass, settings, null);
            PluginDescriptor descriptor = new PluginDescriptor(
                pluginClass.getName(),
                "loaded from the classpath by techmatch elasticsearch-local",
                Version.CURRENT.toString(),
                Version.CURRENT.toString(),
                "21",
                pluginClass.getName(),
                null,                      // no module name: classpath, unnamed module
                List.of(),                 // extends no other plugin
                false,                     // no native controller
                false,                     // not licensed
                false,                     // not a stable-API plugin
                false,                     // not a legacy Java-security-manager plugin
                PluginDescriptor.DeploymentTarget.ALL
            );
            loaded.add(new LoadedPlugin(descriptor, instance, pluginClass.getClassLoader()));
        }
        loadExtensions(loaded);
        this.classpathPlugins = Collections.unmodifiableList(loaded);
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }
}
