/** The domain as immutable records: a parsed page, its answers, references and topics. */
package org.gardpipeline.model;
