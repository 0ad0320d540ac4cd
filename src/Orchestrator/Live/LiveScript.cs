namespace Sweep.Orchestrator.Live;

/// <summary>The few lines that keep the page current: a server-sent event carries the sections whose HTML changed,
/// each replaces the element of its id and announces itself with <c>sweep:section-updated</c>, which the table
/// sorting (and any interactive section) listens for. EventSource reconnects by itself, sending the id of the last
/// update it applied.</summary>
public static class LiveScript
{
    public static string For(long version) => $$"""
        (function () {
          var state = document.getElementById('live-connection');
          var source = new EventSource('events?v={{version}}');
          source.addEventListener('sections', function (e) {
            JSON.parse(e.data).forEach(function (section) {
              var old = document.getElementById(section.id);
              if (!old) return;
              var holder = document.createElement('template');
              holder.innerHTML = section.html;
              var fresh = holder.content.firstElementChild;
              old.replaceWith(fresh);
              fresh.dispatchEvent(new CustomEvent('sweep:section-updated', { bubbles: true }));
            });
            document.body.setAttribute('data-live-version', e.lastEventId);
          });
          source.addEventListener('open', function () { state.textContent = 'live'; state.className = 'state s-running'; });
          source.addEventListener('error', function () { state.textContent = 'reconnecting'; state.className = 'state s-pruned'; });
        })();
        """;
}
