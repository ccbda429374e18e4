package com.contractledger.shared;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import javax.sql.DataSource;

/**
 * A transaction takes a pooled JDBC connection when its first statement runs, not when it begins. Axon runs every
 * query in a transaction of the application's transaction manager, although the read models are in MongoDB, so each
 * read held a connection it never used while commands, which append to the event table, waited for one.
 */
@Configuration
class LazyJdbcConnections {

    private static final String DATA_SOURCE = "dataSource";

    @Bean
    static BeanPostProcessor lazyJdbcConnectionsOfTheDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return DATA_SOURCE.equals(name) && bean instanceof DataSource dataSource
                        && !(bean instanceof LazyConnectionDataSourceProxy)
                        ? new LazyConnectionDataSourceProxy(dataSource) : bean;
            }
        };
    }
}
