// Small helpers the Blazor components call through JS interop.
window.cxbridge = {
    theme: {
        // The reader's theme choice ("light" or "dark"), kept in this browser; null when the system decides.
        get: () => {
            try { return localStorage.getItem("cxbridge-theme"); } catch { return null; }
        },
        set: (value) => {
            try { localStorage.setItem("cxbridge-theme", value); } catch { /* private mode: the choice lasts this page */ }
        },
    },
};
