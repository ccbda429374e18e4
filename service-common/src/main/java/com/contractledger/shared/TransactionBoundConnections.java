package com.contractledger.shared;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * Axon's JDBC components take their connection from the Spring transaction of the unit of work, as every other
 * JDBC user here does, and never close it themselves.
 * <p>
 * Axon's default provider also ties the connection to the unit of work and closes it again when the unit of work is
 * cleaned up, after the Spring transaction has already returned it to the pool. HikariCP's close of a returned
 * connection clears the statement list of whoever borrowed it next, so under concurrent commands another request's
 * statements were corrupted (an {@code ArrayIndexOutOfBoundsException} in HikariCP, a 500 for the command).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = JdbcAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
public class TransactionBoundConnections {

    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }
}
