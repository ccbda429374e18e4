package com.contractledger.api.supplier;

/** A person to talk to at the supplier. */
public record Contact(String name, String role, String email, String phone) {
}
