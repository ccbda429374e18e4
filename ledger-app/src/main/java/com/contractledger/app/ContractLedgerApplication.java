package com.contractledger.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = "com.contractledger")
public class ContractLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContractLedgerApplication.class, args);
    }
}
