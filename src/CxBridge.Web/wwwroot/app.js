// Optional enhancement: filter forms marked data-autosubmit submit when a field changes.
// Every page works without this script (the forms have a submit button).
document.addEventListener("change", (event) => {
    const form = event.target.closest("form[data-autosubmit]");
    if (form) {
        form.requestSubmit();
    }
});
