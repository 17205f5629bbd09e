using MudBlazor;

namespace CxBridge.Web.Components.Layout;

/// <summary>
/// The app's light and dark palettes. Components use these tokens (Color.Primary, Color.Success, ...) rather than
/// their own colours; charts read the same tokens through MudBlazor's CSS variables (--mud-palette-*). Text colours
/// keep a contrast of at least 4.5:1 on their backgrounds in both palettes (checked by the axe browser tests).
/// </summary>
public static class CxTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d5b8f",
            Secondary = "#6a4c93",
            Tertiary = "#00796b",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a15c00",
            Error = "#c62828",
            AppbarBackground = "#1d5b8f",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            TextPrimary = "rgba(0,0,0,0.87)",
            TextSecondary = "rgba(0,0,0,0.66)",
            ActionDefault = "rgba(0,0,0,0.66)",
            LinesDefault = "rgba(0,0,0,0.14)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8cc4f2",
            PrimaryContrastText = "#0b2540",
            SecondaryContrastText = "#1f1230",
            TertiaryContrastText = "#06302a",
            InfoContrastText = "#0b2540",
            SuccessContrastText = "#0f2e10",
            WarningContrastText = "#3a2300",
            ErrorContrastText = "#3b0a06",
            Secondary = "#c9a8f0",
            Tertiary = "#6fd3c3",
            Info = "#8fc4ff",
            Success = "#81c784",
            Warning = "#ffb74d",
            Error = "#ff8a80",
            AppbarBackground = "#1b232d",
            AppbarText = "#e8eef5",
            Background = "#12171d",
            Surface = "#1b232d",
            DrawerBackground = "#1b232d",
            TextPrimary = "rgba(255,255,255,0.92)",
            TextSecondary = "rgba(255,255,255,0.72)",
            ActionDefault = "rgba(255,255,255,0.72)",
            LinesDefault = "rgba(255,255,255,0.16)",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
