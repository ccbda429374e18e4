package com.contractledger.api.supplier;

/** How an interaction with a supplier took place. */
public enum CommunicationChannel { MEETING, PHONE, EMAIL, VIDEO_CALL, SITE_VISIT, LETTER, OTHER }
