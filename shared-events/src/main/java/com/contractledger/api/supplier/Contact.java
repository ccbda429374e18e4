package com.contractledger.api.supplier;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person to talk to at the supplier. */
public record Contact(@NotBlank @Size(max = 200) String name, @Size(max = 100) String role,
                      @Email @Size(max = 254) String email, @Size(max = 50) String phone) {
}
