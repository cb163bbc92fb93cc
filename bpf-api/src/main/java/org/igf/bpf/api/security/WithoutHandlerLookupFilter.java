package org.igf.bpf.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

import java.util.List;

/**
 * Takes out the filter Spring Security puts before its filter chain whenever Spring MVC is present: for
 * every request it looks up the Spring MVC handler the request will go to, so that Spring MVC request
 * matchers and CORS can reuse the answer. This application has neither: its matchers are path patterns
 * ({@link SecurityConfiguration#requestMatchers}), which never ask Spring MVC, and it configures no CORS.
 * So the lookup was made for nothing, and the DispatcherServlet made it again (a recording of the
 * benchmark's comments put 11.6 % of the samples in it; together with {@link HeaderCharacters}, runs
 * of the benchmark's driver found about 8 % less CPU per comment). Spring Security wraps its
 * {@code springSecurityFilterChain} bean definition and that filter in a composite; this puts the
 * wrapped definition back. A definition not shaped as expected (another Spring Security version) is
 * left as it is, with a warning; {@code SecurityFilterChainTest} fails then.
 */
final class WithoutHandlerLookupFilter implements BeanFactoryPostProcessor {

    static final String FILTER_CHAIN = "springSecurityFilterChain";
    private static final String COMPOSITE = "WebMvcSecurityConfiguration$CompositeFilterChainProxy";
    private static final String LOOKUP_FILTER = "WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";
    private static final Logger log = LoggerFactory.getLogger(WithoutHandlerLookupFilter.class);

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(FILTER_CHAIN)) {
            return;
        }
        BeanDefinition chain = registry.getBeanDefinition(FILTER_CHAIN);
        if (!endsWith(chain, COMPOSITE)) {
            return; // no handler lookup filter (no Spring MVC)
        }
        ConstructorArgumentValues.ValueHolder filters = chain.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
        if (filters != null && filters.getValue() instanceof List<?> list && list.size() == 2
                && list.get(0) instanceof BeanDefinition lookup && endsWith(lookup, LOOKUP_FILTER)
                && list.get(1) instanceof BeanDefinition wrapped) {
            registry.removeBeanDefinition(FILTER_CHAIN);
            registry.registerBeanDefinition(FILTER_CHAIN, wrapped);
        } else {
            log.warn("Spring Security's filter chain is not shaped as expected; its handler lookup filter stays in");
        }
    }

    private static boolean endsWith(BeanDefinition definition, String className) {
        return definition.getBeanClassName() != null && definition.getBeanClassName().endsWith(className);
    }
}
