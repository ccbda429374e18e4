package com.contractledger.command.web;

import com.fasterxml.jackson.databind.Module;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration
class CommandWebConfiguration implements WebMvcConfigurer {

    /** Spring Boot adds every Jackson module bean to the request and response mapper. */
    @Bean
    Module inputDomains() {
        return new InputDomains();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new WriteContextResolver());
    }
}
