using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>
/// What axe cannot see: a page laid out so that a buyer on a phone cannot read or reach it. At 360 × 740 px no two
/// visible text boxes (or form controls) inside one list row, card, list item or form field may intersect, and no
/// link, button or field may stick out of the screen unless it sits in a box that scrolls sideways (a table in its
/// own scroll box is fine; a page wider than the phone is not).
/// </summary>
public static class PhoneLayout
{
    public const int Width = 360;
    public const int Height = 740;

    /// <summary>
    /// Turns the page into a 360 × 740 phone, checks it, and turns it back. On a failure the page stays phone-sized,
    /// so the scenario's screenshot shows what went wrong. <paramref name="alsoOnPhone"/> runs other checks at that
    /// size (the axe scan: cards are markup the wide page does not have).
    /// </summary>
    public static async Task ExpectReadableOnPhoneAsync(IPage page, Func<Task>? alsoOnPhone = null)
    {
        var original = page.ViewportSize;
        var resized = original is null || original.Width != Width || original.Height != Height;
        if (resized)
        {
            await page.SetViewportSizeAsync(Width, Height);
        }
        // Lists re-render as cards when the width crosses the breakpoint; measure after that has been painted.
        await Expect(page.Locator(".fui-Spinner")).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        var problems = await FindProblemsAsync(page);
        Assert.True(problems.Count == 0,
            $"At {Width} × {Height} px, {page.Url} is not readable on a phone ({problems.Count} problem(s); boxes are left,top width×height in CSS px):\n  "
            + string.Join("\n  ", problems.Take(12)));
        if (alsoOnPhone is not null)
        {
            await alsoOnPhone();
        }
        if (resized && original is not null)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
            await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        }
    }

    /// <summary>Measures the page as it is now; every problem names the container, both elements and their boxes.</summary>
    public static async Task<IReadOnlyList<string>> FindProblemsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>(Script);

    // Plain JavaScript run in the page: bounding boxes of text (one per line fragment, through a Range), of form
    // controls and of interactive elements, each clipped by the ancestors that clip it (a visually hidden label is
    // clipped to nothing and ignored; text scrolled out of a scroll box counts only where it is shown).
    private const string Script = """
        () => {
          const viewportWidth = document.documentElement.clientWidth;
          const slack = 2; // px: anti-aliasing and sub-pixel rounding are not overlap
          const problems = [];
          const round = (v) => Math.round(v);
          const boxText = (r) => `(${round(r.left)},${round(r.top)} ${round(r.right - r.left)}×${round(r.bottom - r.top)})`;
          const describe = (el) => {
            let name = el.tagName.toLowerCase();
            if (el.id) name += '#' + el.id;
            const label = el.getAttribute('aria-label');
            if (label) name += `[aria-label="${label.slice(0, 60)}"]`;
            return name;
          };
          const snippet = (text) => `"${text.replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
          const intersect = (a, b) => ({
            left: Math.max(a.left, b.left), top: Math.max(a.top, b.top),
            right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom),
          });
          const empty = (r) => r.right - r.left <= slack || r.bottom - r.top <= slack;

          // The part of the screen an element's content can show through: its clipping ancestors' boxes.
          const clipCache = new Map();
          const clipOf = (el) => {
            if (!el) return { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
            if (clipCache.has(el)) return clipCache.get(el);
            let clip = clipOf(el.parentElement);
            const style = getComputedStyle(el);
            const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible'
              || (style.clip && style.clip !== 'auto') || (style.clipPath && style.clipPath !== 'none');
            if (clips) clip = intersect(clip, el.getBoundingClientRect());
            clipCache.set(el, clip);
            return clip;
          };
          const shown = (el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
          const scrollsSideways = (el) => {
            for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
              const overflow = getComputedStyle(a).overflowX;
              if ((overflow === 'auto' || overflow === 'scroll') && a.scrollWidth > a.clientWidth + 1) return true;
            }
            return false;
          };

          // 1. Overlap inside list rows, cards, list items and form fields.
          const skipText = new Set(['OPTION', 'SELECT', 'SCRIPT', 'STYLE', 'TEMPLATE', 'TEXTAREA', 'TITLE']);
          const controls = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea';
          const containers = document.querySelectorAll('tr, [role=row], li, [data-list-card], .fui-Field');
          const reported = new Set();
          for (const container of containers) {
            if (!shown(container)) continue;
            const boxes = [];
            const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const parent = node.parentElement;
              if (!node.textContent.trim() || !parent || skipText.has(parent.tagName) || parent.closest('svg') || !shown(parent)) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              for (const rect of range.getClientRects()) {
                const visible = intersect(rect, clipOf(parent));
                if (!empty(visible)) boxes.push({ el: parent, node, rect: visible, what: `${describe(parent)} ${snippet(node.textContent)}` });
              }
            }
            for (const control of container.querySelectorAll(controls)) {
              if (!shown(control)) continue;
              const visible = intersect(control.getBoundingClientRect(), clipOf(control.parentElement));
              if (!empty(visible)) boxes.push({ el: control, node: control, rect: visible, what: `${describe(control)} ${snippet(control.value ?? '')}` });
            }
            for (let i = 0; i < boxes.length; i++) {
              for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i], b = boxes[j];
                if (a.node === b.node) continue;
                const both = intersect(a.rect, b.rect);
                if (empty(both)) continue;
                const key = `${a.what}|${b.what}`;
                if (reported.has(key)) continue;
                reported.add(key);
                problems.push(`overlap in ${describe(container)}: ${a.what} ${boxText(a.rect)} and ${b.what} ${boxText(b.rect)}`);
              }
            }
          }

          // 2. Nothing a user operates is cut off by the screen's edge (unless it scrolls sideways in its own box).
          const interactive = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"]), [role=button], [role=link], [role=tab]';
          for (const el of document.querySelectorAll(interactive)) {
            if (!shown(el) || el.closest('[aria-hidden=true]')) continue;
            const rect = el.getBoundingClientRect();
            if (rect.width <= 1 || rect.height <= 1) continue;
            const visible = intersect(rect, clipOf(el.parentElement));
            if (empty(visible)) continue;
            if (rect.left >= -1 && rect.right <= viewportWidth + 1) continue;
            if (scrollsSideways(el)) continue;
            const text = el.innerText || el.value || el.getAttribute('aria-label') || '';
            problems.push(`cut off at the screen's edge (0–${viewportWidth} px): ${describe(el)} ${snippet(text)} ${boxText(rect)}`);
          }
          return problems;
        }
        """;
}
