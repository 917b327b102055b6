package io.tributary.orchestrator.run.live;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a stream of one run ({@code /runs/{id}/…}): the run is looked up before the stream starts, so that an unknown
 * run is a 404 problem. The check cannot be part of the stream: RESTEasy sends an event stream's 200 and headers
 * before it subscribes to the stream.
 */
@NameBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RunMustExist {}
