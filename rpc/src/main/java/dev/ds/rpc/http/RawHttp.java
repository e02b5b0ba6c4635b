package dev.ds.rpc.http;

import feign.Headers;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import java.net.URI;

/**
 * The Feign interface behind {@link HttpRpcClient}. Each method takes the full target URI (base
 * URL plus the endpoint's path), because the peer is chosen per call; the body is JSON that {@link
 * dev.ds.rpc.Wire} already wrote, and the raw response comes back so that the client decides what
 * a status means. The {@link Request.Options} of each call carry its timeouts (Feign reads a
 * parameter of that type as the call's options), so a long poll may wait longer than a plain call.
 */
@Headers("Accept: application/json, application/problem+json")
interface RawHttp {

    @RequestLine("GET")
    Response get(URI uri, Request.Options options);

    @RequestLine("DELETE")
    Response delete(URI uri, Request.Options options);

    @RequestLine("POST")
    @Headers("Content-Type: application/json")
    Response post(URI uri, byte[] body, Request.Options options);

    @RequestLine("PUT")
    @Headers("Content-Type: application/json")
    Response put(URI uri, byte[] body, Request.Options options);
}
