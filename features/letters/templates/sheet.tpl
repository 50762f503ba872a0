{{%AUTOESCAPE context="HTML"}}<div class="letter-sheets">
<article class="letter-sheet {{PAPER_CLASS}} {{BORDER_CLASS}}" aria-label="Mặt trước">
  <h2 class="letter-title">{{TITLE}}</h2>
  {{#FRONT_PARA}}<p class="letter-para">{{TEXT}}</p>{{/FRONT_PARA}}
  <div class="letter-signer"><p class="letter-signer-title">{{SIGNER_TITLE}}</p><p class="letter-signer-name">{{SIGNER_NAME}}</p></div>
</article>
{{#HAS_BACK}}<article class="letter-sheet letter-back {{PAPER_CLASS}} {{BORDER_CLASS}}" aria-label="Mặt sau">
  {{#BACK_PARA}}<p class="letter-para">{{TEXT}}</p>{{/BACK_PARA}}
</article>{{/HAS_BACK}}
</div>
