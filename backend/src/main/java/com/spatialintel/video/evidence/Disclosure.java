package com.spatialintel.video.evidence;

/**
 * To whom footage is disclosed and why, as the ICO's checklist for disclosing CCTV asks: the
 * recipient and their organisation, the purpose, and the recipient's reference (a police incident
 * number, a claim number).
 */
record Disclosure(String recipientName, String recipientOrganisation, String purpose, String reference) {
}
