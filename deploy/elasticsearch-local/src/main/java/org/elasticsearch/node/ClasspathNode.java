package org.elasticsearch.node;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Node} whose plugins come from the classpath (see {@link ClasspathPluginsService}).
 *
 * <p>It lives in Elasticsearch's package because {@link NodeConstruction} and
 * {@link NodeServiceProvider} are package-private; Elasticsearch's own test framework
 * ({@code MockNode}) overrides {@code newPluginService} the same way.
 */
public final class ClasspathNode extends Node {
    public ClasspathNode(Settings settings, List<Class<? extends Plugin>> pluginClasses) {
        super(NodeConstruction.prepareConstruction(
            new Environment(settings, null),
            // no module or plugin bundles on disk; no qualified exports (nothing runs as a named module)
            PluginsLoader.createPluginsLoader(Set.of(), Set.of(), Map.of(), false),
            new NodeServiceProvider() {
                @Override
                PluginsService newPluginService(Environment environment, PluginsLoader pluginsLoader) {
                    return new ClasspathPluginsService(environment.settings(), pluginsLoader, pluginClasses);
                }
            },
            true // forbid private index settings, as a real node does
        ));
    }
}
