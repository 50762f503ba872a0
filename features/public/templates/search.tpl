{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="{{BACK}}">← {{BACK_LABEL}}</a></p>
  <h1>{{TITLE}}</h1>
  <p class="lead">{{LEAD}}</p>
  {{>SEARCH_FORM}}
  {{#ASKED}}<h2 id="results-title">Kết quả cho “{{QUERY}}”</h2>
  {{#NONE}}<p id="no-results">Không tìm thấy xã, phường nào có tên như vậy. Hãy kiểm tra chính tả, bỏ bớt chữ, hoặc chỉ gõ tên (không cần “xã”, “phường”).</p>{{/NONE}}
  {{#HAS_RESULTS}}<ul class="results" aria-labelledby="results-title">{{#PLACE}}
    <li><a href="{{HREF}}">{{NAME}}</a> <small>mã {{CODE}}</small>
      <span class="where">{{WHERE}}</span>{{#HAS_STATUS}}
      <span class="status">{{STATUS}}</span>{{/HAS_STATUS}}</li>{{/PLACE}}
  </ul>
  {{#MORE}}<p class="hint" id="more-results">Chỉ hiện {{SHOWN}} kết quả đầu tiên. Hãy gõ thêm chữ để thu hẹp.</p>{{/MORE}}{{/HAS_RESULTS}}{{/ASKED}}
</section>
