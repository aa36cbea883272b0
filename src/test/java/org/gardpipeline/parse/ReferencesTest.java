package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gardpipeline.model.Reference;
import org.junit.jupiter.api.Test;

/** The URL, PubMed id and DOI of a citation are its first matches, wherever in the citation they stand. */
class ReferencesTest {
    @Test
    void aRealCitationFromA2022Page() {
        Reference r = References.of(3, "Boulas MM. Recognition of caudal regression syndrome. Adv Neonatal Care. "
                + "2009 Apr;9(2):61-9; quiz 70-1. doi: 10.1097/ANC.0b013e31819de435. PMID: 19363325.");
        assertEquals(new Reference(3, "Boulas MM. Recognition of caudal regression syndrome. Adv Neonatal Care. "
                + "2009 Apr;9(2):61-9; quiz 70-1. doi: 10.1097/ANC.0b013e31819de435. PMID: 19363325.", null,
                "19363325", "10.1097/ANC.0b013e31819de435"), r);
    }

    @Test
    void eachIsTheFirstRealMatchAfterLookalikes() {
        Reference r = References.of(1, "Chapter 10. On http and HTTPS: see the pubmed page (PubMed/123456), "
                + "pmid 777 later, 10.12/short, then doi 10.1234/abc.def) and https://example.org/a.b.");
        assertEquals("https://example.org/a.b", r.url());
        assertEquals("123456", r.pmid());
        assertEquals("10.1234/abc.def", r.doi());
    }

    @Test
    void caseDoesNotMatterForPubMedIdsAndLinksCount() {
        assertEquals("42", References.of(1, "pMiD:42").pmid());
        assertEquals("99", References.of(1, "https://www.ncbi.nlm.nih.gov/entrez/query.fcgi?list_uids=99").pmid());
        assertEquals("5", References.of(1, "HTTPS://PUBMED.NCBI.NLM.NIH.GOV/5/").pmid());
        assertEquals(null, References.of(1, "HTTPS://PUBMED.NCBI.NLM.NIH.GOV/5/").url()); // URLs are lower-case http
    }

    @Test
    void aCitationWithNoneOfThemHasNone() {
        Reference r = References.of(2, "Genetic and Rare Diseases Information Center. Personal communication, 2010.");
        assertEquals(null, r.url());
        assertEquals(null, r.pmid());
        assertEquals(null, r.doi());
    }
}
