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

    // Puts text on the clipboard; false when the browser allows neither the clipboard API (it needs a secure context:
    // https or localhost) nor the older copy command, so the caller can show the text instead.
    copyText: async (text) => {
        try {
            await navigator.clipboard.writeText(text);
            return true;
        } catch {
            const area = document.createElement("textarea");
            area.value = text;
            area.setAttribute("readonly", "");
            area.style.position = "fixed";
            area.style.opacity = "0";
            document.body.appendChild(area);
            area.select();
            try { return document.execCommand("copy"); } catch { return false; } finally { area.remove(); }
        }
    },
};

// A page printed long after it was opened says when it was printed, in the organisation's time zone.
window.addEventListener("beforeprint", () => {
    for (const stamp of document.querySelectorAll("[data-printed-at]")) {
        try {
            stamp.textContent = new Intl.DateTimeFormat(stamp.dataset.locale || undefined,
                { dateStyle: "short", timeStyle: "short", timeZone: stamp.dataset.timeZone || undefined }).format(new Date());
        } catch { /* an unknown zone or locale: the time the page was rendered stays */ }
    }
});
