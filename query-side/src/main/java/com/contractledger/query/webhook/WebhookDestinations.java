package com.contractledger.query.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where webhooks may be sent: http or https URLs whose host resolves only to public addresses, unless the host is
 * listed as allowed. Checked when an endpoint is saved and again before every delivery, after resolving the name, so
 * that a name later pointed at an internal address is refused then.
 */
final class WebhookDestinations {

    private final Set<String> allowedHosts;

    WebhookDestinations(java.util.List<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.trim().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The URL, checked; a refusal says why in a sentence for the caller. */
    URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new RefusedDestination("the URL " + url + " is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new RefusedDestination("the URL must be http or https with a host, not " + url);
        }
        if (uri.getUserInfo() != null) {
            throw new RefusedDestination("the URL must not carry credentials");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(host)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedDestination("the host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                throw new RefusedDestination("the host " + host + " resolves to the internal address "
                        + address.getHostAddress() + "; list the host in ledger.webhooks.allowed-hosts to allow it");
            }
        }
        return uri;
    }

    private static boolean internal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean sharedAddressSpace = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isSiteLocalAddress()
                || address.isLinkLocalAddress() || address.isMulticastAddress() || uniqueLocal || sharedAddressSpace;
    }

    static final class RefusedDestination extends RuntimeException {
        RefusedDestination(String message) {
            super(message);
        }
    }
}
