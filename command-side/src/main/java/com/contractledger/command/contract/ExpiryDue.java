package com.contractledger.command.contract;

import java.time.LocalDate;

/** Payload of the "contract-expiry" deadline: the expiry date it was scheduled for. */
record ExpiryDue(LocalDate expiresOn) {
}
