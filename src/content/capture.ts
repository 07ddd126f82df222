// Capture content script (document_start). Placeholder until the capture issue lands.
export {};
